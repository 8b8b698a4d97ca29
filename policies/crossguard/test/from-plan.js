#!/usr/bin/env node
// Turns a plan written by `./blink plan --json -` into the resources a CrossGuard stack validation is
// handed, in the JSON shape `check --resources` reads (tools/State/ResourceListFile.cs): each resource
// with its URN, its inputs as props, its parent, dependencies, property dependencies and provider as
// URNs, and opts.protect as protect. References to other resources' outputs stay as the plan writes
// them (`${name.id}`); secrets stay masked (`[secret]`).
//
//   ../../blink plan --stack dev --json - | node test/from-plan.js > test/fixtures/dev.json
"use strict";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The resource list of a plan, as CrossGuard names resources: by URN. */
function fromPlan(plan) {
    const byRef = new Map(plan.resources.map(r => [refKey(r), r]));
    const urns = new Map();
    // A URN qualifies the type with the parent's (pulumi/pulumi sdk/go/common/resource/urn.go NewURN):
    // parent type chain joined by "$", except the root stack's.
    const urnOf = resource => {
        const key = refKey(resource);
        if (!urns.has(key)) {
            const parent = resource.parent ? byRef.get(refKey(resource.parent)) : undefined;
            let type = resource.type;
            if (parent && parent.type !== ROOT_STACK_TYPE) {
                type = `${qualifiedType(urnOf(parent))}$${type}`;
            }
            urns.set(key, `urn:pulumi:${plan.stack}::${plan.project}::${type}::${resource.name}`);
        }
        return urns.get(key);
    };
    const urnOfRef = ref => {
        const resource = byRef.get(refKey(ref));
        if (!resource) {
            throw new Error(`the plan names ${ref.type}::${ref.name}, which it does not hold`);
        }
        return urnOf(resource);
    };
    return {
        resources: plan.resources.map(r => {
            const propertyDependencies = {};
            for (const [key, on] of Object.entries(r.propertyDependencies || {})) {
                propertyDependencies[key] = on.map(urnOfRef);
            }
            const dependencies = [...new Set([...(r.dependsOn || []), ...Object.values(r.propertyDependencies || {}).flat()].map(urnOfRef))];
            const resource = {
                type: r.type,
                name: r.name,
                urn: urnOf(r),
                props: r.inputs,
            };
            if (r.parent) resource.parent = urnOfRef(r.parent);
            resource.dependencies = dependencies;
            resource.propertyDependencies = propertyDependencies;
            if (r.provider) resource.provider = urnOfRef(r.provider);
            resource.protect = r.protect === true;
            return resource;
        }),
    };
}

function refKey(ref) {
    return `${ref.type}::${ref.name}`;
}

/** The qualified type of a URN: what stands between project and name. */
function qualifiedType(urn) {
    return urn.split("::")[2];
}

module.exports = { fromPlan };

if (require.main === module) {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", chunk => { text += chunk; });
    process.stdin.on("end", () => {
        process.stdout.write(JSON.stringify(fromPlan(JSON.parse(text)), null, 2) + "\n");
    });
}
