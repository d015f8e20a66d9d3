// "Activate offline" (docs/sources.md, Online licensing "Offline Activation"): the request file to
// take to an online machine, and the .crt it gives back. Errors name the check that refused the
// file (docs/activation.md).
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { useOfflineActivation } from './offlineActivation.ts';

export function OfflineActivation() {
  const { busy, error, done, downloadRequest, upload } = useOfflineActivation();
  return (
    <details className="seat-offline">
      <summary>Activate offline</summary>
      <p className="card-note">
        1. Download this server&apos;s activation request file. 2. On a machine with Internet, sign
        in and open Licensing → License Servers → Activate Workstation, upload it and download the
        .crt file. 3. Upload the .crt here.
      </p>
      <div className="seat-offline-actions">
        <Button size="sm" disabled={busy} onClick={() => void downloadRequest()}>
          Download activation request file
        </Button>
        <label className="seat-offline-upload">
          Upload .crt file
          <input
            type="file"
            accept=".crt,application/json"
            disabled={busy}
            onChange={(ev) => {
              const f = ev.currentTarget.files?.[0];
              ev.currentTarget.value = '';
              if (f) void upload(f);
            }}
          />
        </label>
      </div>
      {error && (
        <Banner tone="error" title="The .crt was not imported">
          {error}
        </Banner>
      )}
      {done && (
        <Banner tone="success" title="Offline activation">
          {done}
        </Banner>
      )}
    </details>
  );
}
