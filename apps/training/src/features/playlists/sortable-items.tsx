import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Drag and drop with the pointer or the keyboard (focus the handle, Space, arrows, Space), with the
 * moves announced in the reader's language; the items' own up/down buttons do the same.
 */
export function SortableItems({
  ids,
  onMove,
  children,
}: {
  ids: string[];
  onMove: (from: number, to: number) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: unknown) => ids.indexOf(String(id)) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t("editor.dndInstructions") },
        announcements: {
          onDragStart: ({ active }) => t("editor.dndPicked", { number: position(active.id) }),
          onDragOver: ({ active, over }) =>
            over
              ? t("editor.dndOver", { number: position(active.id), target: position(over.id) })
              : undefined,
          onDragEnd: ({ active, over }) =>
            over
              ? t("editor.dndDropped", { number: position(active.id), target: position(over.id) })
              : undefined,
          onDragCancel: ({ active }) => t("editor.dndCancelled", { number: position(active.id) }),
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="item-list">{children}</ol>
      </SortableContext>
    </DndContext>
  );
}
