/// `preview.css`: the folder's only style sheet. System fonts only (nothing
/// to fetch), colours with at least 4.5:1 contrast, one column that fits a
/// 360 px screen, and long words wrapped rather than scrolled. The page reads
/// in order without it.
enum Stylesheet {
    static let css = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --link: #0b4f9c; --line: #c8c8c8;
          --note: #fff4cc; --changed: #a4161a; --changed-bg: #fdecec; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          color: var(--ink); background: #fff; overflow-wrap: anywhere; }
        header, main, footer { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
        body.compare header, body.compare main { max-width: 80rem; }
        a { color: var(--link); }
        a:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
        .banner { margin: 0; padding: 0.5rem 1rem; background: var(--note); border-bottom: 1px solid var(--line); font-size: 0.9rem; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: 1rem 0; }
        h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
        h4 { font-size: 1rem; margin: 1rem 0 0.5rem; }
        ul.languages, ul.social, ul.phone { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
        details { border-top: 1px solid var(--line); padding: 0.5rem 0; }
        details:last-child { border-bottom: 1px solid var(--line); }
        summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
        .answer { padding: 0 0 0 1.1rem; }
        address { font-style: normal; margin: 0.5rem 0; }
        table.week { border-collapse: collapse; width: 100%; max-width: 28rem; margin: 0.5rem 0; }
        table.week caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        table.week th, table.week td { text-align: left; padding: 0.3rem 0.5rem 0.3rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.week th[scope="row"] { font-weight: normal; width: 40%; }
        .status { color: var(--changed); }
        footer { margin-top: 2rem; padding-bottom: 2rem; border-top: 1px solid var(--line); }
        .copyright { color: var(--muted); font-size: 0.9rem; }
        .row { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: 0 1rem 1rem; }
        .row.changed { border: 2px solid var(--changed); border-left-width: 8px; }
        .row h2 { font-size: 1.2rem; margin: 0.75rem 0; }
        .mark { font-size: 0.85rem; font-weight: 600; padding: 0.1rem 0.5rem; border-radius: 4px; border: 1px solid var(--muted); color: var(--muted); }
        .row.changed .mark { background: var(--changed-bg); color: var(--changed); border-color: var(--changed); }
        .sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
        .side h3 { margin-top: 0; font-size: 1rem; color: var(--muted); }
        .absent { color: var(--muted); font-style: italic; }
        @media (max-width: 44rem) { .sides { grid-template-columns: minmax(0, 1fr); } }

        """
}
