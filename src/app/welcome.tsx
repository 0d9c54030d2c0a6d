type Props = { signedIn: boolean; loading: boolean };

export function Welcome({ signedIn, loading }: Props) {
  if (loading) {
    return (
      <div className="card" aria-busy="true">
        <p className="muted">Loading the operation…</p>
      </div>
    );
  }
  return (
    <div className="welcome">
      <h2>Find what an OVHcloud call needs, run it, and understand every 403</h2>
      <ol className="welcome__steps">
        <li className={signedIn ? 'done' : undefined}>
          <strong>Sign in</strong> with a service account. In the sandbox, <em>Use demo account</em> fills in
          the one from OVHcloud’s service-account guide.
        </li>
        <li>
          <strong>Search</strong> a path, a word or an IAM action, e.g.{' '}
          <code className="mono">webHosting:apiovh:get</code>.
        </li>
        <li>
          <strong>Open an operation</strong>, fill in its parameters and <strong>Send</strong>. If OVHcloud
          answers 403, the explorer says which action is missing, for which identity, on which resource, and
          the policy that would grant it.
        </li>
      </ol>
      <p className="muted">
        The sandbox region is a built-in OVHcloud simulator: nothing leaves this machine. Pick EU, CA or US to
        call OVHcloud itself with your own service account.
      </p>
    </div>
  );
}
