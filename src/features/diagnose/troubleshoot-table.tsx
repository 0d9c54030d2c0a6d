import type { Decision, PolicyVerdict } from '../../domain/iam/evaluate';

type Props = { action: string; resourceUrn: string; decision: Decision };

const CONDITION: Record<PolicyVerdict['condition'], string> = {
  none: '—',
  holds: 'holds',
  fails: 'does not hold',
  unknown: 'unknown here',
};

function yes(value: boolean) {
  return value ? 'yes' : 'no';
}

/** Each policy against one action on one resource: what it names, what it says, and whether it counts. */
export function TroubleshootTable({ action, resourceUrn, decision }: Props) {
  const outcome =
    decision.outcome === 'allow' ? 'ALLOWED' : decision.outcome === 'deny' ? 'DENIED' : 'UNKNOWN';
  return (
    <div className="table-scroll">
      <table className="table troubleshoot__table">
        <caption>
          <code className="mono">{action}</code> on <code className="mono">{resourceUrn}</code>:{' '}
          <strong className={`decision decision--${decision.outcome}`}>{outcome}</strong>
        </caption>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Names the identity</th>
            <th scope="col">Covers the resource</th>
            <th scope="col">Allows</th>
            <th scope="col">Excepts</th>
            <th scope="col">Denies</th>
            <th scope="col">Expired</th>
            <th scope="col">Condition</th>
          </tr>
        </thead>
        <tbody>
          {decision.verdicts.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No policy names this identity.
              </td>
            </tr>
          )}
          {decision.verdicts.map((v) => {
            const deciding = 'policy' in decision.reason && decision.reason.policy.id === v.policy.id;
            return (
              <tr
                key={v.policy.id}
                className={deciding ? 'troubleshoot__deciding' : undefined}
                aria-current={deciding ? 'true' : undefined}
              >
                <th scope="row">{v.policy.name}</th>
                <td>{yes(v.identity)}</td>
                <td>{v.sameAccount ? yes(v.resource) : 'no (another account)'}</td>
                <td className="mono">{v.allow ?? '—'}</td>
                <td className="mono">{v.except ?? '—'}</td>
                <td className="mono">{v.deny ?? '—'}</td>
                <td>{yes(v.expired)}</td>
                <td>{CONDITION[v.condition]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
