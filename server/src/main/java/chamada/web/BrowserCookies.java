package chamada.web;

import chamada.rollcall.DeviceId;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The two cookies a phone keeps: its device id (one device, one check-in per roll call) and its
 * form token, the double-submit defence against cross-site form posts: every form carries the
 * token its page was given in a hidden field, and a post is taken only if the field matches the
 * cookie, which another site can neither read nor (SameSite=Strict) make the browser send. Neither
 * is kept by the server, so every node of a shared store honours them.
 *
 * <p>Both are random, {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure} under TLS.
 */
final class BrowserCookies {

    static final String DEVICE = "chamada_device";
    static final String FORM = "chamada_form";
    /** The hidden field that carries the form token. */
    static final String FORM_FIELD = "form_token";

    /** A device keeps its id for the school year: long enough for every roll call a phone attends. */
    private static final Duration DEVICE_KEPT = Duration.ofDays(365);
    private static final Duration FORM_KEPT = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserCookies() {
    }

    /** This browser's device id: the one its cookie holds, or a new one given to it now. */
    static DeviceId device(Request request, Response response) {
        return existingDevice(request).orElseGet(() -> {
            DeviceId device = new DeviceId(random());
            Response.putCookie(response, cookie(request, DEVICE, device.value(), DEVICE_KEPT));
            return device;
        });
    }

    /** The device id this browser sent, if it sent a valid one. */
    static Optional<DeviceId> existingDevice(Request request) {
        return value(request, DEVICE).flatMap(value -> {
            try {
                return Optional.of(new DeviceId(value));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The form token for the page answering {@code request}: the browser's, or a new one given to it now. */
    static String formToken(Request request, Response response) {
        return value(request, FORM).filter(BrowserCookies::wellFormed).orElseGet(() -> {
            String token = random();
            Response.putCookie(response, cookie(request, FORM, token, FORM_KEPT));
            return token;
        });
    }

    /** Whether a post's form token field matches the browser's cookie. */
    static boolean formTokenMatches(Request request, String posted) {
        Optional<String> cookie = value(request, FORM).filter(BrowserCookies::wellFormed);
        return posted != null && cookie.isPresent() && MessageDigest.isEqual(
                cookie.get().getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> value(Request request, String name) {
        return Request.getCookies(request).stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private static boolean wellFormed(String token) {
        return token.length() == 22 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** 128 random bits, URL-safe: 22 characters. */
    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static HttpCookie cookie(Request request, String name, String value, Duration kept) {
        return HttpCookie.build(name, value)
                .path("/")
                .maxAge(kept.toSeconds())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(HttpCookie.SameSite.STRICT)
                .build();
    }
}
