import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

function App() {
  return <h1 style={{ fontSize: 18 }}>均衡督导助手</h1>;
}

const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <App />
  </FluentProvider>,
);
