// Products → Downloads (docs/sources.md, Navigation "Downloads"): the installer of each active
// product with its SHA-256; the core saves it and refuses it if its bytes do not match. The
// installers are simulated stand-ins.
import { useState } from 'react';
import type { SavedFile } from '../../../src-shared/bridge/calls/billing.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { request } from '../../bridge/index.ts';
import { CloudState } from './CloudState.tsx';
import { PortalTabs } from './PortalTabs.tsx';
import { errorText, useCloudData } from './useCloudData.ts';
import '../../styles/portal.css';

export function DownloadsView() {
  const { data, reload } = useCloudData(() => request('portal.downloads', {}));
  const [saved, setSaved] = useState<Record<string, SavedFile | string>>({});
  const save = async (fileName: string) => {
    try {
      const f = await request('portal.download', { fileName });
      setSaved((s) => ({ ...s, [fileName]: f }));
    } catch (err) {
      setSaved((s) => ({ ...s, [fileName]: errorText(err) }));
    }
  };
  return (
    <>
      <PageHeader
        title="Products"
        description="Installers of your active products, each with its SHA-256 checksum. In this demo they are simulated stand-ins."
      />
      <PortalTabs active="downloads" />
      <CloudState data={data} what="downloads" reload={reload}>
        {(list) =>
          list.length === 0 ? (
            <section className="card">
              <EmptyState icon="products" title="Nothing to download">
                Installers of your active products appear here.
              </EmptyState>
            </section>
          ) : (
            <section className="card table-card">
              <table className="table">
                <caption className="table-caption">Downloads</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">File</th>
                    <th scope="col">SHA-256</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => {
                    const s = saved[d.fileName];
                    return (
                      <tr key={d.fileName}>
                        <td>
                          <span className="cell-primary">{d.productName}</span>
                          <span className="cell-secondary">Version {d.version}</span>
                        </td>
                        <td>
                          <span className="cell-primary">{d.fileName}</span>
                          <span className="cell-secondary">
                            {(d.sizeBytes / 1024).toFixed(1)} KB
                          </span>
                        </td>
                        <td>
                          <code className="portal-hash">{d.sha256}</code>
                        </td>
                        <td>
                          <Button size="sm" onClick={() => void save(d.fileName)}>
                            Download
                          </Button>
                          {s && (
                            <span
                              role="status"
                              className={typeof s === 'string' ? 'field-error' : 'cell-secondary'}
                            >
                              {typeof s === 'string' ? s : `Saved, checksum verified: ${s.path}`}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )
        }
      </CloudState>
    </>
  );
}
