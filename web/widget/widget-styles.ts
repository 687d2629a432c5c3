// The widget's CSS, inside its shadow root: the host page's styles cannot reach it, nor it them.

/** The stylesheet; `accent` is the brand colour. */
export function widgetStyles(accent: string): string {
  return `:host{all:initial}
*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.45;letter-spacing:normal;text-transform:none}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button{font:inherit;cursor:pointer;border:0;margin:0}
button:focus-visible,textarea:focus-visible{outline:3px solid ${accent};outline-offset:2px}
.bubble{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;background:${accent};color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;z-index:2147483000}
.bubble svg{width:28px;height:28px;fill:currentColor}
.panel{position:fixed;right:20px;bottom:92px;width:370px;height:min(560px,calc(100vh - 120px));background:#fff;color:#1d2528;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden;z-index:2147483001}
header{display:flex;align-items:center;justify-content:space-between;padding:12px 16px;background:${accent};color:#fff}
header strong{font-size:16px}
.close{background:transparent;color:#fff;font-size:24px;line-height:1;width:36px;height:36px;border-radius:8px}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;background:#f5f7f8}
.msg{max-width:85%;padding:9px 13px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #dde3e6;align-self:flex-start}
.msg a{color:inherit;text-decoration:underline}
.customer{align-self:flex-end;background:${accent};color:#fff;border-color:${accent}}
.human::before{content:attr(data-who);display:block;font-size:12px;font-weight:600;opacity:.75}
.note{align-self:center;font-size:13px;color:#5b6770;text-align:center}
.typing{color:#5b6770}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde3e6;background:#fff;margin:0}
textarea{flex:1;resize:none;border:1px solid #b9c3c8;border-radius:10px;padding:9px 11px;font:inherit;color:inherit;background:#fff;min-height:42px;max-height:120px;margin:0}
.send{background:${accent};color:#fff;border-radius:10px;padding:0 16px;font-weight:600}
.send:disabled{opacity:.55;cursor:default}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}.bubble{right:16px;bottom:16px}}
`;
}
