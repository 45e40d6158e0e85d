/**
 * Writes an .xlsx workbook for the generated sample: sheets of plain cells, the document's
 * title and author in its properties (docProps/core.xml, what a spreadsheet shows under
 * File › Properties), and the same bytes for the same cells. The writer leaves out document
 * properties and stamps zip entries with the current time, so the properties are added through
 * its feature hook and the archive is re-packed with one fixed entry time.
 */
import { unzipSync, type Zippable, zipSync } from "fflate";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import { sanitizeTextContent } from "write-excel-file/utility";

export interface WorkbookSheet {
  name: string;
  rows: SheetData;
}

export interface WorkbookProperties {
  title: string;
  author: string;
}

/** Zip entries need a date from 1980 on; a local-time constructor gives the same fields in every time zone. */
const ENTRY_TIME = new Date(1980, 0, 1);

const CORE = "docProps/core.xml";

/** A feature of the Node entry point (its file-content type is not exported by name). */
type NodeFeature = NonNullable<NonNullable<Parameters<typeof writeXlsxFile>[1]>["features"]>[number];

function coreProperties({ title, author }: WorkbookProperties): NodeFeature {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${sanitizeTextContent(title)}</dc:title><dc:creator>${sanitizeTextContent(author)}</dc:creator>` +
    "</cp:coreProperties>";
  return {
    files: {
      transform: {
        "[Content_Types].xml": {
          insert: () =>
            `<Override PartName="/${CORE}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
        },
        "_rels/.rels": {
          insert: () =>
            `<Relationship Id="rId-lens-core" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="${CORE}"/>`,
        },
      },
      write: { files: () => ({ [CORE]: xml }) },
    },
  };
}

export async function writeWorkbook(
  sheets: readonly WorkbookSheet[],
  properties: WorkbookProperties,
): Promise<Uint8Array> {
  const written = await writeXlsxFile(
    sheets.map((s) => ({ sheet: s.name, data: s.rows })),
    { features: [coreProperties(properties)] },
  ).toBuffer();
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(written))) entries[name] = [data, { mtime: ENTRY_TIME }];
  return zipSync(entries);
}
