import { z } from "zod";
import { myCalls } from "../../services/training/my-calls.js";
import { requirePermission } from "../../trpc/procedures.js";

export const MyCallsInput = z.object({
  callStartedFrom: z.iso.datetime({ offset: true }).optional(),
  callStartedBefore: z.iso.datetime({ offset: true }).optional(),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const myCallsProcedure = requirePermission("recording.read")
  .input(MyCallsInput)
  .query(({ ctx, input }) => myCalls({ ctx, input }));
