package dev.vastguard.platform;

import dev.vastguard.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one piece of work per team on a small pool of threads, so that a slow or failing team (a Vast.ai account
 * that times out, a secret that cannot be read) does not hold up the others.
 */
public final class TeamFanOut {

    private TeamFanOut() {}

    /**
     * Runs the work for every team and waits for all of it.
     *
     * @param threadName the prefix of the threads' names, for example {@code sweep-}
     * @param poolSize how many teams at once, at most
     * @param teams the teams
     * @param work what to do for one team; it turns its own failures into a result rather than throwing
     * @param broken the result for a team whose work still ended abruptly (an {@link Error}, or an interrupt), given
     *     what happened
     * @param <R> the result of one team
     * @return the results, in the order of {@code teams}
     */
    public static <R> List<R> forEach(
            String threadName,
            int poolSize,
            List<Team> teams,
            Function<Team, R> work,
            BiFunction<Team, String, R> broken) {
        if (teams.isEmpty()) {
            return List.of();
        }
        ThreadFactory threads =
                Thread.ofPlatform().name(threadName, 1).daemon(true).factory();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(poolSize, teams.size()), threads)) {
            List<Future<R>> futures = new ArrayList<>();
            for (Team team : teams) {
                futures.add(pool.submit(() -> work.apply(team)));
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < teams.size(); i++) {
                results.add(await(futures.get(i), teams.get(i), broken));
            }
            return results;
        }
    }

    private static <R> R await(Future<R> future, Team team, BiFunction<Team, String, R> broken) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return broken.apply(team, "interrupted");
        } catch (ExecutionException e) {
            return broken.apply(team, "unexpected " + e.getCause().getClass().getSimpleName());
        }
    }
}
