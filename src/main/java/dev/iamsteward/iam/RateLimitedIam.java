package dev.iamsteward.iam;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * An IAM port (the directory or the account reads) held to its account's call rate: every call waits its turn,
 * and a throttling answer lowers the rate. One handler for every method of the port, so that a call added to the
 * port is limited without a line here; what makes no call to IAM is passed straight through.
 */
public final class RateLimitedIam implements InvocationHandler {

    /** Methods of the ports that answer from the adapter itself (a root session's own facts among them). */
    private static final Set<String> LOCAL = Set.of("backend", "scope", "accountId", "task", "expiresAt");

    private final Object target;
    private final IamRateLimits.Limit limit;

    private RateLimitedIam(Object target, IamRateLimits.Limit limit) {
        this.target = target;
        this.limit = limit;
    }

    public static <T> T wrap(Class<T> port, T target, IamRateLimits.Limit limit) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new RateLimitedIam(target, limit)));
    }

    /** The port beneath the limit, or {@code port} itself when it is not limited. */
    @SuppressWarnings("unchecked")
    static <T> T unwrap(T port) {
        return Proxy.isProxyClass(port.getClass()) && Proxy.getInvocationHandler(port) instanceof RateLimitedIam limited
                ? (T) limited.target : port;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        boolean call = method.getDeclaringClass() != Object.class && !LOCAL.contains(method.getName());
        if (call) {
            limit.acquire();
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (call && e.getCause() instanceof IamException.Throttled) {
                limit.throttled();
            }
            throw e.getCause();
        }
    }
}
