"use strict";
// Stand-in for the `debug` package in the browser build: fhirclient logs through it only when a developer
// sets localStorage.debug, and the real package costs the launch page about 2 KiB (gzip) it cannot spare.
function off() {}
off.enabled = false;
off.extend = () => off;
module.exports = () => off;
