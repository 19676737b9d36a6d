package org.motcua.ui.testing;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * Types like an officer: real key events posted to the X server ({@link Display#post}, XTest under Xvfb), not calls
 * on widgets, so focus, traversal, mnemonics and default buttons are what is tested. Counts every key pressed,
 * Shift included. Only ASCII can be typed this way: Vietnamese letters come from an input method (Unikey, IBus),
 * which a test display does not run.
 */
public final class Keyboard {

    private final Display display;
    private int keystrokes;

    public Keyboard(Display display) {
        this.display = display;
    }

    /** Keys pressed so far. */
    public int keystrokes() {
        return keystrokes;
    }

    public Keyboard type(String text) {
        for (char c : text.toCharArray()) {
            boolean shift = Character.isUpperCase(c) || "~!@#$%^&*()_+{}|:\"<>?".indexOf(c) >= 0;
            if (shift) {
                down(SWT.SHIFT, '\0');
            }
            char base = Character.isUpperCase(c) ? Character.toLowerCase(c) : c;
            down(0, base);
            up(0, base);
            if (shift) {
                up(SWT.SHIFT, '\0');
            }
        }
        return this;
    }

    public Keyboard press(int keyCode) {
        down(keyCode, '\0');
        up(keyCode, '\0');
        return this;
    }

    public Keyboard tab() {
        return press(SWT.TAB);
    }

    public Keyboard enter() {
        return press(SWT.CR);
    }

    public Keyboard space() {
        return character(' ');
    }

    /** A shortcut such as Ctrl+S: the modifier held while the key is pressed. */
    public Keyboard with(int modifier, char key) {
        down(modifier, '\0');
        down(0, key);
        up(0, key);
        up(modifier, '\0');
        return this;
    }

    private Keyboard character(char c) {
        down(0, c);
        up(0, c);
        return this;
    }

    /** Lets the posted events arrive and be handled. */
    public void settle() {
        long until = System.currentTimeMillis() + 40;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The control that has the keyboard focus now, after pending events. */
    public Control focus() {
        settle();
        return display.getFocusControl();
    }

    private void down(int keyCode, char character) {
        keystrokes++;
        post(SWT.KeyDown, keyCode, character);
    }

    private void up(int keyCode, char character) {
        post(SWT.KeyUp, keyCode, character);
    }

    private void post(int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        if (!display.post(e)) {
            throw new AssertionError("the display did not take the key event " + (keyCode != 0 ? keyCode : character));
        }
        settle();
    }
}
