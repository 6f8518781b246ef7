import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * Short messages in the corner: what an action did (with an action button, e.g. "open"), or what
 * went wrong. Errors stay until dismissed; the rest fade after a few seconds.
 */

export type ToastKind = 'info' | 'success' | 'error';

export interface ToastInput {
  kind?: ToastKind;
  text: string;
  action?: { label: string; run: () => void };
}

interface Toast extends ToastInput {
  id: number;
  kind: ToastKind;
}

type Notify = (toast: ToastInput) => void;

const ToastContext = createContext<Notify>(() => {});

export function useNotify(): Notify {
  return useContext(ToastContext);
}

const LIMIT = 3;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notify = useCallback<Notify>(
    (input) => {
      const toast: Toast = { ...input, kind: input.kind ?? 'info', id: nextId.current++ };
      setToasts((list) => [...list.filter((x) => x.text !== toast.text), toast].slice(-LIMIT));
      if (toast.kind !== 'error') setTimeout(() => dismiss(toast.id), toast.action ? 6000 : 3500);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
            <span className="toast-text">{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  toast.action!.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
