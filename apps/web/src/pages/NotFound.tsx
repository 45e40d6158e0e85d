import { Link } from "../lib/router.js";

export default function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Go to the <Link to="/">Overview</Link>.
      </p>
    </div>
  );
}
