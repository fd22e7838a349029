// The host side of MCP Apps for the browser tests: the official AppBridge from @modelcontextprotocol/ext-apps,
// with tools/call and resources/read forwarded (through functions the driver exposes) to the real LlmPrep server.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

let bridge = null;

const STYLES = {
  light: { "--font-sans": "'DejaVu Sans', system-ui, sans-serif", "--font-mono": "'DejaVu Sans Mono', monospace" },
  dark: { "--font-sans": "'DejaVu Sans', system-ui, sans-serif", "--font-mono": "'DejaVu Sans Mono', monospace" },
};

window.mountApp = async ({ html, args, result, theme }) => {
  if (bridge) {
    await bridge.teardownResource({ reason: "next app" }).catch(() => {});
    await bridge.close?.();
  }
  document.body.classList.toggle("dark", theme === "dark");
  const holder = document.getElementById("frame");
  holder.replaceChildren();
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.setAttribute("title", "LlmPrep app");
  holder.append(iframe);

  bridge = new AppBridge(
    null,
    { name: "llmprep-test-host", version: "1.0.0" },
    { openLinks: {}, serverTools: {}, serverResources: {}, logging: {}, message: { text: {} }, updateModelContext: { text: {} } },
    { hostContext: { theme, displayMode: "inline", availableDisplayModes: ["inline"], platform: "web", locale: "en-US",
      containerDimensions: { maxWidth: 760 }, styles: { variables: STYLES[theme] } } },
  );
  bridge.oncalltool = (params) => window.hostRequest("tools/call", params);
  bridge.onreadresource = (params) => window.hostRequest("resources/read", params);
  bridge.onmessage = async (params) => { await window.hostEvent("message", params); return {}; };
  bridge.onupdatemodelcontext = async (params) => { await window.hostEvent("model-context", params); return {}; };
  bridge.onopenlink = async (params) => { await window.hostEvent("open-link", params); return {}; };
  bridge.onloggingmessage = (params) => window.hostEvent("log", params);
  bridge.onsizechange = ({ height }) => { if (height) iframe.style.height = `${height}px`; };
  const ready = new Promise((resolve) => {
    bridge.oninitialized = async () => {
      await bridge.sendToolInput({ arguments: args ?? {} });
      await bridge.sendToolResult(result);
      resolve();
    };
  });
  await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));
  iframe.srcdoc = html;
  await ready;
};

window.setTheme = async (theme) => {
  document.body.classList.toggle("dark", theme === "dark");
  await bridge.sendHostContextChange({ theme, styles: { variables: STYLES[theme] } });
};
