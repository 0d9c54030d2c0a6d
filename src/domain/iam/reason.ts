import type { Decision } from './evaluate';

export type ReasonSubject = { identity: string; action: string; resourceUrn: string };

function day(date: string): string {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().slice(0, 10);
}

/**
 * The reason for a decision, in one plain sentence (what AWS's simulator and GCP's troubleshooter give):
 * which policy decided and by which rule, or that none applies.
 */
export function reasonSentence(decision: Decision, subject: ReasonSubject): string {
  const { identity, action, resourceUrn } = subject;
  const reason = decision.reason;
  switch (reason.kind) {
    case 'owner':
      return `The account owner (${reason.account}) is never restricted by policies: ${action} is allowed on ${resourceUrn}.`;
    case 'allowed':
      return `Policy “${reason.policy.name}” allows ${identity} ${action} on ${resourceUrn} (allow ${reason.pattern}).`;
    case 'denied':
      return `Policy “${reason.policy.name}” denies ${action} on ${resourceUrn} to ${identity} (deny ${reason.pattern}): a deny wins over every allow.`;
    case 'excepted':
      return `Policy “${reason.policy.name}” allows ${reason.allowPattern} but excepts ${reason.pattern}: it does not grant ${action} on ${resourceUrn}, and no other policy does.`;
    case 'expired':
      return `Policy “${reason.policy.name}” would allow ${action} on ${resourceUrn}, but it expired on ${day(reason.expiredAt)}.`;
    case 'condition-failed': {
      const failed = reason.failed
        .map(
          (f) =>
            `${f.key} is ${f.actual === undefined || f.actual === '' ? 'not set' : `“${f.actual}”`}, not “${f.expected}”`,
        )
        .join('; ');
      return `Policy “${reason.policy.name}” would allow ${action} on ${resourceUrn}, but its condition does not hold: ${failed}.`;
    }
    case 'condition-unknown': {
      const keys = reason.failed.map((f) => `${f.key} = “${f.expected}”`).join(' and ');
      return `Policy “${reason.policy.name}” allows ${action} on ${resourceUrn} only when ${keys}, which cannot be checked from here: OVHcloud decides with facts it alone knows (such as the caller's IP).`;
    }
    case 'no-policy':
      return `No policy allows ${identity} ${action} on ${resourceUrn}.`;
  }
}
