package com.analyticscopilot.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/** The workbench's UI text, from {@code i18n/messages.properties}. */
public final class UiText {

    /** The base name of the bundle on the class path. */
    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    public UiText(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The bundle for the default locale. */
    public static UiText load() {
        return new UiText(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text of {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug; show the key rather than fail in front of the user.
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
