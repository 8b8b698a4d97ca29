// BlinkInfra's policy packs as a Pulumi policy pack (CrossGuard): `pulumi preview --policy-pack policies/crossguard`.
// Each C# policy is a CrossGuard policy of the same name, level and kind (validateResource where one resource
// decides, validateStack otherwise); the rules and the levels stay in C# (see blink.js and README.md).
"use strict";

const { PolicyPack } = require("@pulumi/policy");
const blink = require("./blink");

new PolicyPack(blink.PACK_NAME, {
    description: blink.DESCRIPTION,
    policies: blink.policies(process.env),
});
