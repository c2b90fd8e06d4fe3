package org.example.bad;

import com.google.inject.AbstractModule;

/** A module that forgets to bind its plugin. */
public final class EmptyModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
