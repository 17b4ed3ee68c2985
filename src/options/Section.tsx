import type { ComponentChildren } from 'preact';

interface SectionProps {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}

/** One group of settings under a heading that names it for assistive technology too. */
export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p class="card-intro">{intro}</p>}
      <div class="card-body">{children}</div>
    </section>
  );
}
