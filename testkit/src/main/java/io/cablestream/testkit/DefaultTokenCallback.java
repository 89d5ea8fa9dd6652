package io.cablestream.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Before each {@code @QuarkusTest}: a RestAssured request without an {@code Authorization} header gets a token of
 * every role cleared for everything, so that the tests of other behaviour read as before authentication. The
 * security tests send their own tokens, or none over plain HTTP, on purpose.
 */
public class DefaultTokenCallback implements QuarkusTestBeforeEachCallback {

    private static final String AUTHORIZATION = "Authorization";

    private static final Filter DEFAULT_TOKEN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName(AUTHORIZATION)) {
            request.header(AUTHORIZATION, TestTokens.bearer(TestTokens.everything()));
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(DEFAULT_TOKEN);
    }
}
