import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found — wardreach</title>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the council overview</Link>.
      </p>
    </>
  );
}
