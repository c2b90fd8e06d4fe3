/** The result of a selection: the records that {@code result.json}, the console and the report are made from. */
package io.modelscout.selector.result;
