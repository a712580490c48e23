package dev.hindsight.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores one incident's query gives the others, added up posting by posting, and the best of them.
 * One per thread: it is reused from query to query, and only the positions a query reached are cleared.
 */
final class CandidateScores {
    private final double[] scores;
    /** The positions with a score, in the order they got it. */
    private final int[] reached;
    private int reachedCount;

    CandidateScores(int incidents) {
        scores = new double[incidents];
        reached = new int[incidents];
    }

    /** A position and its score. */
    record Candidate(int position, double score) {
    }

    void add(int position, double weight) {
        if (scores[position] == 0) {
            reached[reachedCount++] = position; // weights are positive: a score is 0 until first reached
        }
        scores[position] += weight;
    }

    /**
     * Up to {@code limit} positions other than {@code self}, highest score first and, for equal scores, lower
     * position first; then every score is back to 0 for the next query.
     */
    List<Candidate> takeTop(int self, int limit) {
        int size = Math.max(limit, 0);
        // Most positions reached fall short of the last of the best: compared on primitives, they cost little.
        int[] bestPositions = new int[size];
        double[] bestScores = new double[size];
        int found = 0;
        for (int k = 0; k < reachedCount; k++) {
            int position = reached[k];
            double score = scores[position];
            scores[position] = 0;
            if (position == self || size == 0
                    || found == size && !beats(position, score, bestPositions[size - 1], bestScores[size - 1])) {
                continue;
            }
            int at = found < size ? found++ : size - 1;
            while (at > 0 && beats(position, score, bestPositions[at - 1], bestScores[at - 1])) {
                bestPositions[at] = bestPositions[at - 1];
                bestScores[at] = bestScores[at - 1];
                at--;
            }
            bestPositions[at] = position;
            bestScores[at] = score;
        }
        reachedCount = 0;
        List<Candidate> top = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            top.add(new Candidate(bestPositions[k], bestScores[k]));
        }
        return top;
    }

    /** Whether a candidate ranks before another: a higher score, or the same and an earlier position. */
    static boolean beats(int position, double score, int otherPosition, double otherScore) {
        return score > otherScore || score == otherScore && position < otherPosition;
    }
}
