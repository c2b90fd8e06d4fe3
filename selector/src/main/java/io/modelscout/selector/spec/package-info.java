/** Task files: their records, the strict reader, and the errors shown to users. */
package io.modelscout.selector.spec;
