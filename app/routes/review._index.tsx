import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireSession } from "~/auth.server";
import { registerNow, reviewQueue, reviewQueuePage, ctxOf } from "~/registry.server";
import { PageStatus, QueuePager } from "~/components/queue-pager";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { StatusBadge } from "~/components/badges";
import { label } from "../../registry/standard/labels";

const LEVELS = ["I", "II", "III", "IV"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request, ["reviewer"]);
  const url = new URL(request.url);
  const level = url.searchParams.get("level");
  const agency = url.searchParams.get("agency");
  const age = url.searchParams.get("age");
  const filters = {
    level: level && LEVELS.includes(level) ? level : undefined,
    agency: agency && /^[a-z0-9-]{1,80}$/.test(agency) ? agency : undefined,
    minAgeDays: age && /^\d{1,4}$/.test(age) ? Number(age) : undefined,
  };
  const ctx = ctxOf({ actor, now: registerNow() });
  // The picker offers the agencies that have something in the queue, whatever the other filters.
  const all = await reviewQueue(ctx, {});
  const agencies = [...new Map(all.flatMap((i) => i.agencies).map((a) => [a.slug, a])).values()];
  const { items, ...page } = await reviewQueuePage(ctx, { ...filters, cursor: url.searchParams.get("cursor") });
  return { items, page, filters, agencies };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("reviewQueueTitle"))];

export default function ReviewQueue() {
  const { items, page, filters, agencies } = useLoaderData<typeof loader>();
  const { t, date, u, text, lang } = useT();
  const collator = new Intl.Collator(lang === "zh" ? "zh-Hans-u-co-pinyin" : "en");
  const nameOf = (a: { slug: string; name: { zh?: string; en?: string } }) => text(a.name)?.text ?? a.slug;
  return (
    <>
      <h1>{t("reviewQueueTitle")}</h1>
      <p className="lead">{t("reviewQueueIntro")}</p>
      <Form method="get" className="compare-form">
        <label htmlFor="level">{t("reviewFilterLevel")}</label>
        <select id="level" name="level" defaultValue={filters.level ?? ""}>
          <option value="">—</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {label("level", l, lang)}
            </option>
          ))}
        </select>
        <label htmlFor="agency">{t("reviewFilterAgency")}</label>
        <select id="agency" name="agency" defaultValue={filters.agency ?? ""}>
          <option value="">{t("reviewFilterAgencyAll")}</option>
          {[...agencies]
            .sort((a, b) => collator.compare(nameOf(a), nameOf(b)))
            .map((a) => (
              <option key={a.slug} value={a.slug}>
                {nameOf(a)}
              </option>
            ))}
        </select>
        <label htmlFor="age">{t("reviewFilterAge")}</label>
        <input id="age" name="age" type="text" inputMode="numeric" defaultValue={filters.minAgeDays ?? ""} className="short" maxLength={4} />
        <button type="submit">{t("reviewFilterButton")}</button>
      </Form>
      <PageStatus page={page} />
      {items.length ? (
        <div className="table-scroll">
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("draftsColumnRecord")}</th>
                <th scope="col">{t("draftsColumnStatus")}</th>
                <th scope="col">{t("draftsColumnLevel")}</th>
                <th scope="col">{t("reviewFilterAgency")}</th>
                <th scope="col">{t("reviewColumnAge")}</th>
                <th scope="col">{t("reviewColumnConsultation")}</th>
                <th scope="col">{t("reviewColumnReviewers")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={u.reviewTool(i.id)}>
                      <LocalText value={i.name} />
                    </Link>{" "}
                    <span className="muted">{i.id}</span>
                  </td>
                  <td>
                    <StatusBadge group="review" value={i.status} />
                  </td>
                  <td>{i.impactLevel ? label("level", i.impactLevel, lang) : "—"}</td>
                  <td>
                    {i.agencies.map((a, n) => (
                      <span key={a.slug}>
                        {n ? t("reviewListSeparator") : ""}
                        <LocalText value={a.name} />
                      </span>
                    ))}
                  </td>
                  <td>{t("reviewDays", { n: i.ageDays })}</td>
                  <td>{i.consultationCloses ? date(i.consultationCloses) : "—"}</td>
                  <td>
                    {t(i.reviewerCount.required > 1 ? "reviewersStatusMany" : "reviewersStatusOne", {
                      required: i.reviewerCount.required,
                      approved: i.reviewerCount.approved,
                      reviewing: i.reviewerCount.reviewing,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("reviewQueueEmpty")}</p>
      )}
      <QueuePager page={page} href={(cursor) => u.review({ level: filters.level, agency: filters.agency, age: filters.minAgeDays, cursor })} />
    </>
  );
}
