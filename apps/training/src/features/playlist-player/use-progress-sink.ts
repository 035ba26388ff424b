import { useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ProgressReport } from "../player/use-clip-playback.js";

/**
 * Sends what was heard to `training.recordProgress`. The server merges intervals (a repeated report
 * changes nothing) and decides completion; the playlist views are refreshed when an item completes.
 */
export function useProgressSink(playlistId: string, itemId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useMutation(
    trpc.training.recordProgress.mutationOptions({
      onSuccess: async (result) => {
        if (result.completed) {
          await queryClient.invalidateQueries({ queryKey: trpc.training.playlist.queryKey({ playlistId }) });
          await queryClient.invalidateQueries({ queryKey: trpc.training.myPlaylists.queryKey() });
        }
      },
    }),
  );
  const { mutate } = record;
  const report = useCallback(
    ({ intervals, positionMs }: ProgressReport) => mutate({ playlistItemId: itemId, intervals, positionMs }),
    [mutate, itemId],
  );
  return { report, error: record.error, lastResult: record.data };
}
