// The event log's latest check (and, when entries came after it, the latest full one) and its
// current head, as /log shows them: always with the time the check ran, so a result is never
// shown without saying how old it is.
import { Link } from "@remix-run/react";
import { chainProblemMessage, type ChainProblemLike } from "~/i18n/chain-problems";
import { useT } from "~/i18n/use-lang";

type Head = { id: number; hash: string };
type Problem = ChainProblemLike;
export type ChainCheckProps = {
  head: Head | null;
  lastCheck: {
    checkedAt: string;
    ok: boolean;
    head: Head | null;
    count: number;
    problems: Problem[];
    problemCount: number;
    fullCheckedAt: string;
    fullHeadId: number | null;
  } | null;
};

function ProblemText({ p }: { p: Problem }) {
  const { lang, u } = useT();
  const text = chainProblemMessage(p, lang);
  // The tool a problem is about links to its public history.
  if (typeof p.tool === "string" && text.includes(p.tool)) {
    const [before, after] = [text.slice(0, text.indexOf(p.tool)), text.slice(text.indexOf(p.tool) + p.tool.length)];
    return (
      <>
        {before}
        <Link to={u.toolHistory(p.tool)}>{p.tool}</Link>
        {after}
      </>
    );
  }
  return <>{text}</>;
}

export function ChainCheckReport({ head, lastCheck }: ChainCheckProps) {
  const { t, num, dateTime } = useT();
  const when = (iso: string) => dateTime(iso, { seconds: true });
  return (
    <section aria-labelledby="chain-check-heading">
      <h2 id="chain-check-heading">{t("chainCheckHeading")}</h2>
      {!lastCheck ? (
        <p role="status">{t("chainCheckNone")}</p>
      ) : lastCheck.ok ? (
        <div className="verified" role="status">
          <p>
            {t("chainCheckOk", { time: when(lastCheck.checkedAt), count: num(lastCheck.count), id: lastCheck.head?.id ?? 0 })}
          </p>
          {lastCheck.fullHeadId !== null && lastCheck.fullHeadId !== lastCheck.head?.id ? (
            <p>{t("chainCheckFull", { time: when(lastCheck.fullCheckedAt), id: lastCheck.fullHeadId })}</p>
          ) : null}
          {lastCheck.head ? (
            <p>
              {t("chainCheckHeadHash", { id: lastCheck.head.id })} <code className="hash">{lastCheck.head.hash}</code>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="chain-broken" role="alert">
          <p>{t("chainCheckBroken", { time: when(lastCheck.checkedAt), count: num(lastCheck.problemCount) })}</p>
          <ul>
            {lastCheck.problems.map((p, i) => (
              <li key={i}>
                <ProblemText p={p} />
              </li>
            ))}
          </ul>
          {lastCheck.problemCount > lastCheck.problems.length ? <p>{t("chainProblemsMore", { count: num(lastCheck.problemCount - lastCheck.problems.length) })}</p> : null}
        </div>
      )}
      <h2>{t("chainHeadHeading")}</h2>
      {head ? (
        <>
          <p>
            {t("chainHeadNow", { id: head.id })} <code className="hash">{head.hash}</code>
          </p>
          <p>{t("chainHeadHelp", { id: head.id })}</p>
        </>
      ) : (
        <p>{t("chainHeadEmpty")}</p>
      )}
    </section>
  );
}
