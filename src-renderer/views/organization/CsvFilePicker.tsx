// Choosing a .csv file for an upload: its template, the file input, progress and read errors.
import { useId } from 'react';
import type { CsvKind } from '../../../src-shared/csv/formats.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { downloadTemplate } from '../../csv/download.ts';
import type { CsvUpload } from '../../csv/useCsvUpload.ts';

interface Props {
  kind: CsvKind;
  /** What to do with the template, next to the file input. */
  hint: string;
  upload: CsvUpload;
}

export function CsvFilePicker({ kind, hint, upload }: Props) {
  const fileId = useId();
  return (
    <>
      <div className="org-csv-pick">
        <Button size="sm" onClick={() => downloadTemplate(kind)}>
          Download the .csv template
        </Button>
        <label htmlFor={fileId} className="org-muted">
          {hint}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) upload.start(f);
          }}
        />
      </div>
      {upload.status === 'parsing' && (
        <div className="org-progress">
          <progress max={1} value={upload.progress} aria-label="Reading the file" />
          <Button size="sm" variant="quiet" onClick={upload.cancel}>
            Cancel
          </Button>
        </div>
      )}
      {upload.error && <Banner tone="error">{upload.error}</Banner>}
      {upload.result?.fatal && (
        <Banner tone="error" title="The file was not read">
          {upload.result.errors[0]?.reason}
        </Banner>
      )}
    </>
  );
}
