"use strict";
// fhirclient requires this module only when globalThis.crypto is missing; browsers and Node >= 20 have it.
module.exports = globalThis.crypto;
