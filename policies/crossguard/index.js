// BlinkInfra's policy packs as a Pulumi policy pack (CrossGuard): `pulumi preview --policy-pack policies/crossguard`.
// Each C# policy is a stack policy of the same name and level; the rules stay in C# (see blink.js and README.md).
"use strict";

const { PolicyPack } = require("@pulumi/policy");
const blink = require("./blink");

new PolicyPack(blink.PACK_NAME, {
    description: blink.DESCRIPTION,
    policies: blink.policies(process.env),
});
