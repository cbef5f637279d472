// Evaluates IAM requests with @cloud-copilot/iam-simulate, an IAM policy engine this project did not write.
// Input (argv[2]): a JSON array of {"id": ..., "simulation": <iam-simulate Simulation>}.
// Output (argv[3]): a JSON array of {"id", "result": "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied" | "Error",
// "errors", "ignoredContextKeys"}, one per input, in order. A context key the engine ignores for the action is
// reported, so the test can refuse a probe whose condition keys never reached the evaluation.
import { readFileSync, writeFileSync } from 'node:fs'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const probes = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const answers = []
for (const probe of probes) {
  const response = await runSimulation(probe.simulation, {})
  if (response.resultType === 'error') {
    answers.push({ id: probe.id, result: 'Error', errors: JSON.stringify(response.errors) })
  } else {
    const results = response.resultType === 'single' ? [response.result] : response.results
    const ignored = [...new Set(results.flatMap((r) => r.ignoredContextKeys ?? []))]
    answers.push({ id: probe.id, result: response.overallResult, ignoredContextKeys: ignored })
  }
}
writeFileSync(process.argv[3], JSON.stringify(answers, null, 1))
