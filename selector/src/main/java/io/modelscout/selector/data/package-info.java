/** Reading data files into tables, and profiling them. */
package io.modelscout.selector.data;
