// Standard v1.1 on the record page: how the tool was procured, the models it uses and the data
// used to develop it and in operation (by phase), on the page of every record that has them.
import { Fragment } from "react";
import type { ToolRecord } from "../../../registry/standard/v1";
import { DATASET_PHASES } from "../../../registry/standard/v1";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { useRecord } from "./section-fields";
import { OutLink } from "./sections-v11";

export function hasSupply(r: ToolRecord): boolean {
  return Boolean(r.procurement || r.models?.length || r.datasets?.length);
}

type Card = { name?: ToolRecord["identity"]["name"]; description?: ToolRecord["identity"]["name"]; url?: string };

function CardItem({ card, children }: { card: Card; children?: React.ReactNode }) {
  const { t } = useT();
  return (
    <li>
      {card.name ? (
        <strong>
          <LocalText value={card.name} />
        </strong>
      ) : (
        <strong>{t("v11Unnamed")}</strong>
      )}
      {card.url ? (
        <>
          {" · "}
          <OutLink href={card.url}>{t("v11Link")}</OutLink>
        </>
      ) : null}
      {card.description ? <LocalText value={card.description} as="p" /> : null}
      {children}
    </li>
  );
}

export function Supply() {
  const r = useRecord().record;
  const { t, l } = useT();
  const p = r.procurement;
  const models = r.models ?? [];
  const datasets = r.datasets ?? [];
  const groups: { key: string; title: string; items: typeof datasets }[] = [
    ...DATASET_PHASES.map((phase) => ({ key: phase, title: l("datasetPhase", phase), items: datasets.filter((d) => d.phase === phase) })),
    { key: "other", title: t("v11DatasetsOther"), items: datasets.filter((d) => !d.phase) },
  ].filter((g) => g.items.length);
  return (
    <>
      {p ? (
        <>
          <h3>{t("v11Procurement")}</h3>
          <dl>
            {p.mode ? (
              <>
                <dt>{t("v11ProcurementMode")}</dt>
                <dd>{l("procurementMode", p.mode)}</dd>
              </>
            ) : null}
            {p.procedure ? (
              <>
                <dt>{t("v11ProcurementProcedure")}</dt>
                <dd>
                  <LocalText value={p.procedure} />
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      {models.length ? (
        <>
          <h3>{t("v11Models")}</h3>
          <ul className="v11-list">
            {models.map((m, i) => (
              <CardItem key={i} card={m} />
            ))}
          </ul>
        </>
      ) : null}
      {groups.map((g) => (
        <Fragment key={g.key}>
          <h3>{g.title}</h3>
          <ul className="v11-list">
            {g.items.map((d, i) => (
              <CardItem key={i} card={d}>
                {d.source || d.collection ? (
                  <dl className="inline">
                    {d.source ? (
                      <>
                        <dt>{t("v11DatasetSource")}</dt>
                        <dd>
                          <LocalText value={d.source} />
                        </dd>
                      </>
                    ) : null}
                    {d.collection ? (
                      <>
                        <dt>{t("v11DatasetCollection")}</dt>
                        <dd>
                          <LocalText value={d.collection} />
                        </dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
              </CardItem>
            ))}
          </ul>
        </Fragment>
      ))}
    </>
  );
}

