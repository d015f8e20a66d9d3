// The operator's access rules (docs/seat-protocol.md, "Access rules"): edited as text, checked
// as typed; a mistake names its line and nothing is saved until the text parses.
import { useEffect } from 'react';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { useSeatRules } from './rulesStore.ts';

const EXAMPLE =
  '# e.g.\n# deny vray user mallory\n# group lighting lea lou\n# reserve 2 vray group lighting\n# priority 5 group lighting';

export function RulesEditor() {
  const { view, draft, problem, saving, saved, error } = useSeatRules();
  useEffect(() => void useSeatRules.getState().load(), []);
  const changed = view !== null && draft !== view.text;
  return (
    <section className="card seat-rules" aria-label="Access rules">
      <h2 className="card-title">Access rules</h2>
      <p className="card-note">
        Allow or deny by user, host, address range or group; reserve seats; a maximum per user or
        group; queue priority. One rule a line.
        {view && <span className="mono"> {view.path}</span>}
      </p>
      {view?.error && (
        <Banner tone="warning" title="The rules file on disk was refused; the rules before it stay">
          {view.error}
        </Banner>
      )}
      <textarea
        className="seat-rules-text mono"
        aria-label="Rules file"
        rows={7}
        spellCheck={false}
        value={draft}
        placeholder={EXAMPLE}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => useSeatRules.getState().edit(e.target.value)}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="seat-rules-foot">
        <span className="card-note">
          {saved && !changed
            ? `Saved: ${view?.ruleCount ?? 0} rules in force.`
            : `${view?.ruleCount ?? 0} rules in force.`}
        </span>
        <Button
          variant="primary"
          size="sm"
          busy={saving}
          disabled={!changed || problem !== null}
          onClick={() => void useSeatRules.getState().save()}
        >
          Save rules
        </Button>
      </div>
    </section>
  );
}
