// The choose-users dialog's state: Manual or Via .csv file, the step, the organization's users
// (read when it opens), the uploaded file, and the users it names with the rows left out.
import { useId, useMemo, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import type { CsvKind } from '../../../src-shared/csv/formats.ts';
import { useCsvUpload } from '../../csv/useCsvUpload.ts';
import { useAllRows } from './userRows.ts';

export function useCsvUsers(kind: Exclude<CsvKind, 'invite'>) {
  const [mode, setMode] = useState<'manual' | 'csv'>('manual');
  const [step, setStep] = useState<'choose' | 'upload'>('choose');
  const upload = useCsvUpload(kind);
  const { users, error } = useAllRows();
  const name = useId();

  const result = upload.result;
  const byEmail = useMemo(
    () => new Map((users ?? []).map((u) => [u.email.toLowerCase(), u])),
    [users],
  );
  const matched: OrgUserRow[] = [];
  const unknown: { line: number; reason: string }[] = [];
  if (result && !result.fatal && users)
    for (const r of result.rows) {
      const u = byEmail.get(r.email);
      if (u) matched.push(u);
      else unknown.push({ line: r.line, reason: `${r.email} is not a user of your organization` });
    }
  const problems = result
    ? [...result.errors.map((e) => ({ line: e.line, reason: e.reason })), ...unknown].sort(
        (a, b) => a.line - b.line,
      )
    : [];

  return { mode, setMode, step, setStep, upload, users, error, name, result, matched, problems };
}

export type CsvUsersState = ReturnType<typeof useCsvUsers>;
