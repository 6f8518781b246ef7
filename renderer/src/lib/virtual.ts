import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

/*
 * Measures a virtual list's scroll container with a ResizeObserver only. The library's default
 * also reads getBoundingClientRect() when the list mounts, which forces a layout of the whole page
 * right then; opening a long article would pay for its layout twice.
 */
export function observeRectLazily<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[0]?.contentBoxSize?.[0];
    if (box) cb({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.unobserve(element);
}

/** A first guess at a list's viewport until the observer reports (so the first render shows rows). */
export function initialRect(): { width: number; height: number } {
  return { width: 800, height: typeof window === 'undefined' ? 800 : window.innerHeight };
}

const scrolled = new WeakSet<Element>();

/**
 * Scrolls a virtual list, except for the library's own "scroll to 0" when the list mounts: a new
 * scroll container already is at the top, and scrollTo() would force a layout of the page then.
 */
export function scrollLazily<T extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<T, Element>,
): void {
  const element = instance.scrollElement;
  if (!element) return;
  if (!scrolled.has(element) && offset === 0 && !options.adjustments) return;
  scrolled.add(element);
  elementScroll(offset, options, instance);
}
