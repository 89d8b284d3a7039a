/**
 * Run directories and the files in them: written to a hidden staging directory and moved into
 * place when complete, CSV with round-trip number formatting so equal runs give equal bytes.
 */
package org.ensemble.output;
