"""The report page's Jinja2 template: self-contained (no script, no external font, stylesheet or
image: it renders offline, in a mail attachment and in print). Every value from users (campaign
names, URLs, platforms) is escaped by the environment's autoescape."""

REPORT_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Campaign report: {{ name }}</title>
<style>
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 2em auto;
         max-width: 60em; padding: 0 1em; font-size: 14px; line-height: 1.4; }
  h1 { font-size: 1.6em; margin-bottom: 0.2em; }
  h2 { font-size: 1.2em; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2em; margin-top: 1.6em; }
  .meta { color: #555; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
  th, td { text-align: left; padding: 0.25em 0.5em; border-bottom: 1px solid #ccc; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  td.n { white-space: nowrap; }
  .cards { display: flex; flex-wrap: wrap; gap: 0.6em; }
  .card { border: 1px solid #999; padding: 0.5em 0.8em; min-width: 9em; }
  .card .label { font-size: 0.85em; color: #444; }
  .card .value { font-size: 1.4em; font-weight: bold; }
  .bar { height: 0.9em; background: #ddd; border: 1px solid #666; position: relative; }
  .bar span { display: block; height: 100%; background: #006ba4; }
  .over span { background: #c85200;
               background-image: repeating-linear-gradient(45deg, #c85200 0 4px, #ff800e 4px 8px); }
  .ok::before { content: "\\2713  "; } .late::before { content: "\\2717  "; }
  svg { max-width: 100%; height: auto; }
  sup a { text-decoration: none; }
  .formulas li { margin-bottom: 0.2em; } code { font-size: 0.95em; }
  @media print { body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; }
                 table, figure { break-inside: avoid; } a { color: inherit; } }
</style>
</head>
<body>
<header>
<h1>{{ name }}</h1>
<p class="meta">Campaign report &middot; state <b>{{ state }}</b>{% if dates %} &middot; {{ dates }}{% endif %}
 &middot; figures in <b>{{ currency or "no currency yet" }}</b> &middot; generated {{ generated_at }} UTC</p>
</header>

<h2>Headline figures</h2>
<div class="cards">
{% for card in cards %}<div class="card"><div class="label">{{ card.label }}<sup><a href="#f-{{ card.key }}"
 title="{{ card.formula }}">{{ card.note }}</a></sup></div>
<div class="value" data-kpi="{{ card.key }}">{{ card.value }}</div></div>
{% endfor %}</div>

<h2>Spend against budget</h2>
{% if budget %}
<table>
<tr><th>Budget</th><td class="n" data-kpi="budget">{{ budget.budget }}</td></tr>
<tr><th>Cost so far</th><td class="n" data-kpi="budget_cost">{{ budget.cost }}</td></tr>
<tr><th>Spent</th><td class="n">{{ budget.spent }}{% if budget.over %} (over budget){% endif %}</td></tr>
<tr><th>Campaign days gone</th><td class="n">{{ budget.elapsed }}</td></tr>
</table>
<div class="bar{% if budget.over %} over{% endif %}" role="img" aria-label="{{ budget.spent }} of the budget spent">
<span style="width: {{ budget.width }}%"></span></div>
{% else %}<p>No budget set.</p>{% endif %}

<h2>Targets</h2>
{% if targets %}
<table><tr><th>KPI</th><th class="n">Target</th><th class="n">Reached</th><th class="n">Expected by now</th>
<th>On track</th></tr>
{% for t in targets %}<tr><td>{{ t.kpi }}</td><td class="n">{{ t.target }}</td>
<td class="n" data-target="{{ t.kpi }}">{{ t.actual }}</td>
<td class="n">{{ t.expected }}</td><td class="{{ 'ok' if t.on_track else 'late' }}">{{ t.status }}</td></tr>
{% endfor %}</table>
{% else %}<p>No KPI targets set on this campaign.</p>{% endif %}

<h2>Day by day (UTC)</h2>
{% if charts %}{% for chart in charts %}<figure>{{ chart }}</figure>{% endfor %}
{% else %}<p>Nothing measured yet.</p>{% endif %}

<h2>Cost per result</h2>
<table><tr>{% for c in per_result %}
<th class="n">{{ c.label }}<sup><a href="#f-{{ c.key }}">{{ c.note }}</a></sup></th>{% endfor %}</tr>
<tr>{% for c in per_result %}<td class="n" data-kpi="{{ c.key }}">{{ c.value }}</td>{% endfor %}</tr></table>

{% macro scope_table(rows, first) %}
<table><tr><th>{{ first }}</th><th class="n">Posts</th><th class="n">Impressions</th><th class="n">Engagements</th>
<th class="n">Eng. rate</th><th class="n">Clicks</th><th class="n">Conversions</th><th class="n">Revenue</th>
<th class="n">Cost</th><th class="n">ROI</th></tr>
{% for r in rows %}<tr><td>{% if r.url %}<a href="{{ r.url }}">{{ r.name }}</a>{% else %}{{ r.name }}{% endif %}</td>
<td class="n">{{ r.posts }}</td><td class="n">{{ r.impressions }}</td><td class="n">{{ r.engagements }}</td>
<td class="n">{{ r.engagement_rate }}</td><td class="n">{{ r.clicks }}</td><td class="n">{{ r.conversions }}</td>
<td class="n">{{ r.revenue }}</td><td class="n">{{ r.cost }}</td><td class="n">{{ r.roi }}</td></tr>
{% else %}<tr><td colspan="10">None yet.</td></tr>{% endfor %}
</table>
{% endmacro %}

<h2>Top posts</h2>
<h3>By ROI</h3>{{ scope_table(top_posts_roi, "Post") }}
<h3>By engagement rate</h3>{{ scope_table(top_posts_er, "Post") }}

<h2>Top partnerships</h2>
<h3>By ROI</h3>{{ scope_table(top_partnerships_roi, "Partnership") }}
<h3>By engagement rate</h3>{{ scope_table(top_partnerships_er, "Partnership") }}

<h2>Per platform</h2>
{{ scope_table(platforms, "Platform") }}

<h2>Per influencer</h2>
{{ scope_table(influencers, "Influencer") }}

<h2>How each figure is computed</h2>
<ol class="formulas">
{% for f in formulas %}<li id="f-{{ f.key }}"><b>{{ f.label }}</b>: <code>{{ f.formula }}</code></li>
{% endfor %}</ol>
<p class="meta">Reach is added over posts (someone reached by two posts counts twice). A ratio whose
denominator is zero is shown as &ndash;. Money is converted to {{ currency or "the campaign's currency" }} with the
org's exchange rates; a figure with a part no rate covers is shown as &ndash;.
The same figures are at <code>GET /api/v1/campaigns/{{ campaign_id }}/metrics</code>.</p>
</body>
</html>
"""
