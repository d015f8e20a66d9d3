// "Activate Workstation" (docs/sources.md, Online licensing "Offline Activation" steps 3-4): upload
// the activation request file, name the workstation, Activate. The cloud refuses a file that is not
// a request, naming the check.
import { useState } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { useLicenseServers } from './licenseServersStore.ts';

export function ActivateWorkstation() {
  const { activating, activateError, activated, activate } = useLicenseServers();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  return (
    <section className="card license-servers-activate" aria-label="Activate Workstation">
      <h2 className="card-title">Activate Workstation</h2>
      <p className="card-note">
        For a license server without Internet: upload the activation request file it wrote
        (&ldquo;Activate offline&rdquo; or <code>clm activate --request FILE</code>), name the
        workstation and click Activate. Then download its .crt file below and import it there.
      </p>
      <div className="license-servers-form">
        <label>
          Activation request file
          <input type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <label>
          Workstation name
          <input
            type="text"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <Button
          disabled={!file || !name.trim() || activating}
          onClick={() => file && void activate(file, name.trim())}
        >
          {activating ? 'Activating…' : 'Activate'}
        </Button>
      </div>
      {activateError && (
        <Banner tone="error" title="The workstation was not activated">
          {activateError}
        </Banner>
      )}
      {activated && (
        <Banner tone="success" title={`${activated} is activated`}>
          Download its .crt file from the list and upload it on the workstation.
        </Banner>
      )}
    </section>
  );
}
