// Entry point: loads the font and global styles, and mounts the app, or in the
// audience window (`index.html?view=audience`, the projector) the audience screen.
import "@fontsource-variable/inter";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import AudienceScreen from "./screens/AudienceScreen.svelte";

const target = document.getElementById("app");
const audience = new URLSearchParams(location.search).get("view") === "audience";
if (target) mount(audience ? AudienceScreen : App, { target });
