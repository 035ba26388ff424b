import { useTranslation } from "react-i18next";
import { SHORTCUTS } from "./player-shortcuts.js";

export function ShortcutsHelp() {
  const { t } = useTranslation();
  return (
    <details className="shortcuts">
      <summary>{t("player.shortcutsTitle")}</summary>
      <dl className="shortcuts__list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.label} className="shortcuts__row">
            <dt>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? " / " : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
