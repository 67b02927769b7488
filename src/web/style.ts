/** The pages' CSS, inlined so the first paint needs no second request. */
export const PAGE_STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{height:100%}
body{font:13px/1.4 -apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;display:flex;flex-direction:column;color:#212121}
a{color:#2a66d9}
.header{display:flex;align-items:center;gap:.25rem;min-height:44px;background:#eee;padding:0 1rem;position:relative;z-index:2}
.header h1{font-size:1.6em;margin-right:1rem}
.header h1 a{color:#212121;text-decoration:none}
.menu{position:relative;height:44px;display:flex;align-items:center}
.menu-name{padding:0 .6em;text-transform:uppercase;cursor:default;user-select:none}
.menu-name::after{content:'';display:inline-block;margin-left:.4em;border-top:.36em solid #999;border-left:.36em solid transparent;border-right:.36em solid transparent;vertical-align:middle}
.submenu{display:none;position:absolute;top:40px;left:0;min-width:11em;background:#fff;box-shadow:0 1px 5px rgba(0,0,0,.3);z-index:3}
.menu:hover .submenu,.menu:focus-within .submenu{display:block}
.submenu a{display:block;padding:.45em 1em;text-decoration:none;white-space:nowrap}
.submenu a:hover,.submenu a.active{color:#fff;background:#6b82d6}
.submenu a.disabled{color:#999;pointer-events:none}
.submenu hr{border:0;border-top:2px solid #eee}
#search{margin-left:1em;padding:.3em .5em;border:1px solid #ccc;border-radius:2px;font:inherit;min-width:10em}
.description{margin-left:auto;text-align:right;white-space:nowrap}
.description summary{cursor:pointer;color:#2a66d9;list-style:none}
#detailsbox{position:absolute;right:1rem;top:40px;background:#fff;box-shadow:0 1px 5px rgba(0,0,0,.3);padding:1em;text-align:left;line-height:1.8;z-index:3}
#errors{color:#b00;padding:0 1rem}
#errors:empty{display:none}
.note{background:#fff8d0;padding:.4em 1rem}
main{flex:1;overflow:auto;position:relative}
pre{font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;padding:.5rem 1rem}
table.top{border-collapse:collapse;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;margin:.5rem 1rem}
table.top th{position:sticky;top:0;background:#fff;text-align:right;padding:.3em .6em;cursor:pointer;border-bottom:1px solid #ccc;user-select:none}
table.top td{text-align:right;padding:.1em .6em;white-space:pre}
table.top td.name,table.top th.name{text-align:left}
table.top tr:hover td{background:#eef}
table.top tr.selected td{background:#cdf}
table.top th.sorted::after{content:' \\25be'}
.view-flamegraph{display:flex;flex-direction:column;overflow:hidden}
#flame-bar{display:flex;gap:1em;align-items:center;padding:.3em 1rem;border-bottom:1px solid #eee;min-height:2em}
#flame-bar button{font:inherit;padding:.1em .6em}
#flame-crumbs{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;flex:1}
#flame-match{color:#8a2be2;white-space:nowrap}
#flame-wrap{flex:1;overflow-y:auto;overflow-x:hidden;position:relative}
#flame-canvas{display:block;width:100%}
#flame-tip{position:fixed;pointer-events:none;background:#fff;border:1px solid #aaa;box-shadow:0 1px 4px rgba(0,0,0,.25);padding:.4em .6em;font-size:12px;max-width:40em;display:none;z-index:4;white-space:pre-wrap}
.legend span{display:inline-block;width:1em;height:1em;vertical-align:middle;margin:0 .3em 0 .8em}
.view-graph{overflow:hidden}
#graph{width:100%;height:100%;cursor:grab}
.growth{display:flex;gap:1rem;padding:.5rem 1rem;flex-wrap:wrap}
.growth svg{background:#fafafa;border:1px solid #eee}
.growth-legend span{display:inline-block;width:1em;height:.6em;margin-right:.4em}
.growth-legend div{white-space:nowrap}
`;
