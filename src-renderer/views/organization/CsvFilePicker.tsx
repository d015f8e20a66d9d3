// Choosing a .csv file for an upload: its template, a styled file control (the hint as its label,
// a "Choose file" button, the chosen file's name, Clear), progress with Cancel, and read errors.
// The native input stays in the page, visually hidden, so keyboard and screen readers still use it
// (docs/interface.md, One style).
import { useId, useRef } from 'react';
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
  const hintId = useId();
  const nameId = useId();
  const input = useRef<HTMLInputElement>(null);
  const clear = () => {
    upload.reset();
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <div className="org-csv-pick">
        <Button size="sm" onClick={() => downloadTemplate(kind)}>
          Download the .csv template
        </Button>
        <span id={hintId} className="org-muted">
          {hint}
        </span>
      </div>
      <div className="file-control">
        <input
          ref={input}
          id={fileId}
          type="file"
          className="visually-hidden file-control-input"
          accept=".csv,text/csv"
          aria-labelledby={hintId}
          aria-describedby={nameId}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) upload.start(f);
          }}
        />
        <label htmlFor={fileId} className="btn btn-secondary btn-sm file-control-button">
          Choose a .csv file…
        </label>
        <span id={nameId} className={upload.fileName ? 'file-control-name' : 'org-muted'}>
          {upload.fileName ?? 'No file chosen'}
        </span>
        {upload.fileName && upload.status !== 'parsing' && (
          <Button size="sm" variant="quiet" onClick={clear} aria-label="Clear the chosen file">
            Clear
          </Button>
        )}
      </div>
      {upload.status === 'parsing' && (
        <div className="org-progress">
          <progress max={1} value={upload.progress} aria-label="Reading the file" />
          <Button size="sm" variant="quiet" onClick={clear}>
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
