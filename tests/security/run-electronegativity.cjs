// Runs Electronegativity through its programmatic API and writes two files:
//   <sarif>          the tool's own SARIF report
//   <summary.json>   { errors, issues[] } with each finding's severity and confidence, which the SARIF
//                    lacks (its `level` only says whether a finding needs manual review).
// Why not the `electronegativity` bin: 1.10.3's CLI relies on an undeclared `commander` <7 and the hoisted
// commander 14 breaks it ("_commander2.default.version is not a function"). The scan itself is the same code.
// Usage: node --require ./typescript-estree-shim.cjs run-electronegativity.cjs <input> <sarif> <summary.json> <electronVersion>
'use strict';
const fs = require('node:fs');
const run = require('@doyensec/electronegativity');

async function main() {
  const [input, sarifPath, summaryPath, electronVersion] = process.argv.slice(2);
  const result = await run({
    input,
    output: sarifPath,
    isSarif: true,
    customScan: [],
    // Its only network check (latest Electron releases from GitHub); this machine is offline.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const issues = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    manualReview: Boolean(issue.manualReview),
    file: issue.file,
    line: issue.location ? issue.location.line : 0,
    sample: issue.sample ?? '',
    description: issue.description,
  }));
  const summary = {
    atomicChecks: result.atomicChecks,
    globalChecks: result.globalChecks,
    errors: result.errors,
    issues,
  };
  fs.writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
