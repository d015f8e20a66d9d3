// Says that a queued change still waits for the cloud's answer, instead of claiming success:
// online it is on its way; offline it will be sent when the cloud is reachable again.
import { Banner } from '../../../components/Banner.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import './results.css';

interface CloudWaitProps {
  online: boolean;
  /** What waits, e.g. "3 invitations" or "the removal of 2 users". */
  what: string;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function CloudWait({ online, what }: CloudWaitProps) {
  if (online)
    return (
      <Banner tone="info" title="Waiting for the cloud…">
        <span className="org-cloud-wait">
          <Spinner size={14} label="Waiting for the cloud" />
          Sent to the cloud: {what}. Its answer shows here as soon as it arrives.
        </span>
      </Banner>
    );
  return (
    <Banner tone="warning" title="Waiting for the cloud: you are offline">
      {capitalized(what)} will be sent when you are back online. The result shows here then, and in
      the status bar if you close this window.
    </Banner>
  );
}
