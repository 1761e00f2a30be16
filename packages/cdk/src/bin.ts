/**
 * The CDK app (`cdk.json` runs it). Synthesizes the bootstrap stack; needs no AWS credentials.
 */

import { App } from 'aws-cdk-lib';
import { addBootstrapStack } from './app.ts';
import { formatDiagnostics } from './config.ts';

// No AWS::CDK::Metadata resource: the template holds only what the README describes.
const result = addBootstrapStack(new App({ analyticsReporting: false }));
if (result.ok) {
  result.app.synth();
} else {
  process.stderr.write(
    `orgops bootstrap: the configuration is incomplete or wrong\n${formatDiagnostics(result.errors)}\n`,
  );
  process.exitCode = 1;
}
