// Vue Router's browser build imports the devtools hook; production has no devtools.
export function setupDevtoolsPlugin() {}
